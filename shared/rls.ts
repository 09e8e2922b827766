/**
 * The role the services connect as: not a superuser, cannot bypass row-level security, owns no
 * table. Migrations (which run as the owner) create it and grant it what each table allows.
 */
export const APP_ROLE = 'motcua_app';
