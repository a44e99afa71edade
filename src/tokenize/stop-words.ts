/**
 * Function words that are not indexed as words (的, 了, 和 …). They still match inside quoted phrases and plain
 * queries, because matching is checked on the text itself, not on tokens.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('的 了 和 与 及 以及 或 或者 等 等等 在 是 为 以 对 把 被 将 并 并且 也 都 而 之 其 这 那 这些 那些 有 从 向 到 于 由 ' +
    '就 又 还 再 更 很 我 我们 你 你们 他 他们 它 们 着 过 得 地 个 各 每 该 此 一 不 没有 所 要 会 能 可 可以 ' +
    '但 但是 因为 所以 如果 通过 进行 按照 根据 关于 对于 一是 二是 三是 四是 五是').split(' '),
);

/** Whether a token is a function word or has no letter or digit (punctuation, spaces). */
export function isStopToken(token: string): boolean {
  return STOP_WORDS.has(token) || !/[\p{L}\p{N}]/u.test(token);
}
