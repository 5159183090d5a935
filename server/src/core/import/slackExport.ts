// Slack channel export: a day file (`2024-03-09.json`, an array of messages with `ts`, `user`, `text`,
// `subtype`, `thread_ts`, `edited`) and the export's users.json for names.
import { ImportFormatError, type ImportedEvent, type ReadResult } from './types';
import { asObject, oneLine, parseJson, str } from './text';

/** Subtypes that say nothing about the incident: membership, channel settings, deletions. */
const NOISE: ReadonlySet<string> = new Set([
  'channel_join',
  'channel_leave',
  'group_join',
  'group_leave',
  'channel_purpose',
  'group_purpose',
  'channel_name',
  'group_name',
  'channel_archive',
  'channel_unarchive',
  'bot_add',
  'bot_remove',
  'pinned_item',
  'unpinned_item',
  'message_deleted',
  'tombstone',
  'reminder_add',
  'sh_room_created',
  'huddle_thread',
]);

export function isSlackMessages(json: unknown): boolean {
  return (
    Array.isArray(json) &&
    json.length > 0 &&
    json.every((m) => {
      const o = asObject(m);
      return !!o && typeof o.ts === 'string' && /^\d{9,11}(?:\.\d+)?$/.test(o.ts) && (o.type === 'message' || typeof o.text === 'string');
    })
  );
}

/** users.json: an array of members with `id`, `name`, `real_name` and `profile.{display_name, real_name}`. */
export function readUsers(text: string | undefined): Map<string, string> {
  const names = new Map<string, string>();
  if (text === undefined) return names;
  const json = parseJson(text);
  if (!Array.isArray(json)) throw new ImportFormatError('the users file is not a Slack users.json (an array of members)');
  for (const u of json) {
    const o = asObject(u);
    const id = str(o?.id);
    if (!o || !id) continue;
    const profile = asObject(o.profile);
    const name = [str(profile?.real_name), str(o.real_name), str(profile?.display_name), str(o.name)].find((n) => n && n.trim());
    if (name) names.set(id, name.trim());
  }
  return names;
}

/** Slack's message markup as markdown: `<@U1>` mentions, `<#C1|name>` channels, `<url|label>` links,
 *  `<!here>`, and the three escaped characters. */
export function decodeSlack(text: string, users: Map<string, string>): string {
  return text
    .replace(/<([^<>]*)>/g, (_, inner: string) => {
      const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
      if (target.startsWith('@')) return '@' + (users.get(target.slice(1)) ?? label ?? target.slice(1));
      if (target.startsWith('#')) return '#' + (label ?? target.slice(1));
      if (target.startsWith('!subteam^')) return label ?? '@team';
      if (target.startsWith('!date^')) return label ?? '';
      if (target.startsWith('!')) return '@' + (label ?? target.slice(1));
      const url = target.replace(/&amp;/g, '&');
      return label ? `[${label}](${url})` : `<${url}>`;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function readSlackExport(json: unknown, usersText: string | undefined): ReadResult {
  if (!isSlackMessages(json)) throw new ImportFormatError('not a Slack export day file (an array of messages with "ts")');
  const users = readUsers(usersText);
  const skipped: Record<string, number> = {};
  const skip = (why: string) => void (skipped[why] = (skipped[why] ?? 0) + 1);
  // An edit exported as its own `message_changed` event replaces the text of the message it names.
  const byTs = new Map<string, Record<string, unknown>>();
  const order: string[] = [];
  for (const raw of json as unknown[]) {
    const m = asObject(raw)!;
    const subtype = str(m.subtype);
    if (subtype === 'message_changed') {
      const inner = asObject(m.message);
      const ts = str(inner?.ts);
      if (inner && ts) {
        if (!byTs.has(ts)) order.push(ts);
        byTs.set(ts, { ...(byTs.get(ts) ?? {}), ...inner });
      }
      continue;
    }
    const ts = str(m.ts)!;
    if (!byTs.has(ts)) order.push(ts);
    else {
      byTs.set(ts, { ...m, ...byTs.get(ts)! }); // the edited text wins
      continue;
    }
    byTs.set(ts, m);
  }
  const events: ImportedEvent[] = [];
  for (const ts of order) {
    const m = byTs.get(ts)!;
    const subtype = str(m.subtype);
    if (subtype && NOISE.has(subtype)) {
      skip(subtype.replace(/_/g, ' '));
      continue;
    }
    const isBot = subtype === 'bot_message' || (!m.user && !!m.bot_id);
    const user = str(m.user);
    const profile = asObject(m.user_profile);
    const bot = asObject(m.bot_profile);
    const who = (user && users.get(user)) ?? str(profile?.real_name) ?? str(profile?.display_name) ?? str(m.username) ?? str(bot?.name) ?? user;
    let text = str(m.text) ?? '';
    if (!text.trim()) {
      const att = Array.isArray(m.attachments) ? asObject(m.attachments[0]) : null;
      text = str(att?.fallback) ?? str(att?.text) ?? str(att?.title) ?? '';
    }
    text = oneLine(decodeSlack(text, users));
    if (!text) {
      const files = Array.isArray(m.files) ? m.files.map((f) => str(asObject(f)?.name)).filter((n): n is string => !!n) : [];
      if (!files.length) {
        skip('empty message');
        continue;
      }
      text = `shared ${files.join(', ')}`;
    }
    if (subtype === 'channel_topic' || subtype === 'group_topic') text = `set the channel topic: ${oneLine(decodeSlack(str(m.topic) ?? '', users)) || text}`;
    const threadTs = str(m.thread_ts);
    const reply = !!threadTs && threadTs !== ts && subtype !== 'thread_broadcast';
    if (reply) text = `(in thread) ${text}`;
    // A bot's chatter (deploy notices, reminders) is left out; its alerts and pages are kept.
    if (isBot && !/\b(?:alert|firing|fired|triggered|resolved|acknowledged|incident|page[ds]?)\b/i.test(text)) {
      skip('bot message');
      continue;
    }
    events.push({ at: Math.round(Number(ts) * 1000), text, who: who ?? null, whoInText: true, phase: null, source: 'slack-export' });
  }
  return { source: 'slack-export', events, unreadable: [], skipped };
}
