export { FELIX_ENV_NAMES, FelixSettingError, parseFelixEnv } from './env';
