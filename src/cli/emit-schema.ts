// Writes schema.graphql from the code. A test fails when the committed file differs.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { printHubSchema } from '../schema.js';

writeFileSync(new URL('../../schema.graphql', import.meta.url), await printHubSchema());
console.log('schema.graphql bijgewerkt');
