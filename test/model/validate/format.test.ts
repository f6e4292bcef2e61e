import { formatIssue } from '../../../lib/model/validate';

test('formatIssue', () => {
  expect(formatIssue('dist/a.yaml#1', { field: 'spec.x', value: '"y"', message: 'bad x', allowed: 'z' }))
    .toBe('dist/a.yaml#1: spec.x: bad x (got "y"; allowed: z)');
});
