// Addresses of the web view: a meeting's page, a statement's anchor on it, a speaker's page, and
// reading them back. Ids are looked up in the loaded corpus, never used as file paths.

/** A meeting id (a relative file path, slashes kept) as a URL path: each segment percent-encoded. */
export function meetingPath(meetingId: string): string {
  return `/m/${meetingId.split('/').map(encodeURIComponent).join('/')}`;
}

export function speakerPath(name: string): string {
  return `/s/${encodeURIComponent(name)}`;
}

/** `s-<index>` for the statement `${meetingId}#${index}`; null for an id of another shape. */
export function statementAnchor(statementId: string): string | null {
  const m = /#(\d+)$/u.exec(statementId);
  return m ? `s-${m[1]}` : null;
}

/** `/m/<meeting>#s-<index>`: the statement's place on its meeting's page. */
export function statementPath(statementId: string, meetingId: string): string {
  const anchor = statementAnchor(statementId);
  return anchor ? `${meetingPath(meetingId)}#${anchor}` : meetingPath(meetingId);
}

/** The full "Open in report" address under PUBLIC_URL (which has no trailing slash). */
export function statementUrl(publicUrl: string, statementId: string, meetingId: string): string {
  return `${publicUrl}${statementPath(statementId, meetingId)}`;
}

/**
 * The id named by a path under `prefix` ("/m/" or "/s/"), decoded; null when the path is not
 * under it, names nothing, or is badly encoded. Only a lookup key: the caller 404s unknown ids.
 */
export function readIdFromPath(pathname: string, prefix: string): string | null {
  if (!pathname.startsWith(prefix)) return null;
  const rest = pathname.slice(prefix.length);
  if (rest === '') return null;
  try {
    const id = rest.split('/').map(decodeURIComponent).join('/');
    // Control characters never occur in a corpus id; refuse them before any lookup.
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u001f\u007f]/u.test(id) ? null : id;
  } catch {
    return null;
  }
}
