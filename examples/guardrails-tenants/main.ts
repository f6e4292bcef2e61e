// The tenants guardrails example, written to $CDK8S_OUTDIR (default dist/):
//   CDK8S_OUTDIR=examples/guardrails-tenants/dist node -r ts-node/register/transpile-only examples/guardrails-tenants/main.ts
import { NetsecApp } from '../../lib';
import { buildTenants } from './tenants';

const app = new NetsecApp();
buildTenants(app);
app.synth();
