// Role × route matrix of the activities core: every route called as each role of municipality A, as B's municipal
// admin and signed out, each cell's status asserted (the table is activities.access.ts).
import { runAccessMatrix } from '../../../tests/support/access-matrix.ts';
import { accessMatrix } from './activities.access.ts';

runAccessMatrix(accessMatrix, { ipPrefix: '10.41.0' });
