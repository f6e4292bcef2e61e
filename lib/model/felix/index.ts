export { parseFelixEnv } from './env';
