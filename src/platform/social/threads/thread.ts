import { asRecord, list, str } from "../http.ts";
import { type ContainerDialect, containerFlow, publishThroughContainer } from "../meta/containers.ts";
import type { GraphContext } from "../meta/graph.ts";
import type { ConnectedAccount, PublishedRef, PublishProgress, PublishRequest } from "../types.ts";

/**
 * A thread (docs/platform-contracts.md, Threads › Publishing): the first post, then each reply a container
 * with `reply_to_id` = the post before it. The first post's container state stays at the top of the
 * progress (findPublished reads it there); after it, the ids published so far are saved after every
 * part, and the reply in flight keeps its own container state under `part`, so a retry resumes that
 * container (PUBLISHED → found among the account's replies by its text) and never makes a second one.
 */
export async function publishThread(
  ctx: GraphContext,
  dialect: ContainerDialect,
  account: ConnectedAccount,
  post: PublishRequest,
  replies: readonly string[],
  progress: PublishProgress,
): Promise<PublishedRef> {
  let state: Record<string, unknown> = { ...(progress.previous ?? {}) };
  const save = async (next: Record<string, unknown>) => {
    state = next;
    await progress.save(next);
  };
  const rootId = str(state.rootId);
  let root: PublishedRef;
  if (rootId) root = { platformPostId: rootId, url: str(state.rootUrl) };
  else {
    const rootProgress: PublishProgress = { previous: progress.previous, save };
    root = await publishThroughContainer(
      containerFlow(ctx, dialect, account, post, rootProgress),
      rootProgress,
    );
    await save({ ...state, rootId: root.platformPostId, rootUrl: root.url, replyIds: [] });
  }
  const replyIds = list(state.replyIds)
    .map(str)
    .filter((id): id is string => id !== null);
  for (let index = replyIds.length; index < replies.length; index++) {
    const inFlight = asRecord(state.part);
    const partProgress: PublishProgress = {
      previous: inFlight.index === index ? asRecord(inFlight.state) : null,
      save: (partState) => save({ ...state, part: { index, state: partState } }),
    };
    const part: PublishRequest = { ...post, text: replies[index] ?? "", media: [], link: null, replies: [] };
    const parent = replyIds.at(-1) ?? root.platformPostId;
    const reply = await publishThroughContainer(
      containerFlow(ctx, dialect, account, part, partProgress, parent),
      partProgress,
    );
    replyIds.push(reply.platformPostId);
    const { part: _done, ...rest } = state;
    await save({ ...rest, replyIds: [...replyIds] });
  }
  return { ...root, response: { ...(root.response ?? {}), replies: replyIds } };
}
