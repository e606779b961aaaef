import type { Role } from '../db/tables/access';

/** The roles a token can have, least to most (a module of its own: `sagsflow token --help` lists them without the database). */
export const ROLES: readonly Role[] = ['viewer', 'analyst', 'admin'];
