// Role × route matrix of the joint training plan: every route as each role of municipality A, as B's municipal admin
// and signed out (training-plan.access.ts).
import { runAccessMatrix } from '../../../tests/support/access-matrix.ts';
import { accessMatrix } from './training-plan.access.ts';

runAccessMatrix(accessMatrix, { ipPrefix: '10.22.0' });
