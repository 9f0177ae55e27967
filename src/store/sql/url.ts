/** True for the store URLs that name a PostgreSQL server (ALMANAC_DATABASE_URL=postgres://…). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** A URL fit for messages: the password is never printed. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}
