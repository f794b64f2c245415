// Role × route matrix of further education: every route called as each role of municipality A, as B's municipal
// admin and signed out (further-education.access.ts).
import { runAccessMatrix } from '../../../tests/support/access-matrix.ts';
import { accessMatrix } from './further-education.access.ts';

runAccessMatrix(accessMatrix, { ipPrefix: '10.26.0' });
