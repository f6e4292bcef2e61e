// The app `cdk8s synth` runs (see cdk8s.yaml): the IBM Cloud lab, written to dist/.
import { NetsecApp } from '../../lib';
import { buildLab } from './lab';

const app = new NetsecApp();
buildLab(app);
app.synth();
