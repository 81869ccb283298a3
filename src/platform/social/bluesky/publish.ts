/**
 * Publishing a post, or a thread of replies, as records at keys derived from our post id, so an
 * attempt can only meet what an earlier attempt of the same post wrote. The repository refuses a
 * second record at a taken key (the reference PDS answers 500), so a create that failed or went
 * unanswered is followed by a read of its key: our text there means it is already published.
 */
import { asRecord, type Json, list, num, str } from "../http.ts";
import {
  type ConnectedAccount,
  PlatformError,
  type PublishedRef,
  type PublishProgress,
  type PublishRequest,
} from "../types.ts";
import { embedFor } from "./embed.ts";
import { facetsPart } from "./facets.ts";
import { recordKeyFor } from "./record-key.ts";
import { keyCollision, POST_COLLECTION, postUrl, recordAt, refOf } from "./records.ts";
import { type Pds, xrpc } from "./xrpc.ts";

/** The `{uri, cid}` a reply names its root and parent by. */
function strongRef(ref: PublishedRef): { uri: string; cid: string } {
  const cid = str(ref.response?.cid);
  if (!cid) throw new PlatformError("transient", `Bluesky post ${ref.platformPostId} has no CID to reply to`);
  return { uri: ref.platformPostId, cid };
}

/**
 * `createRecord` of `record` at our key `rkey`. A create that failed or went unanswered may have
 * landed (the key is taken by this very post): the key is read before failing. `resuming` (an earlier
 * attempt may have sent it) reads the key first instead.
 */
async function createPost(
  pds: Pds,
  account: ConnectedAccount,
  rkey: string,
  text: string,
  resuming: boolean,
  record: Json,
  beforeCreate: () => Promise<void> = async () => {},
): Promise<PublishedRef> {
  const did = account.platformUserId;
  if (resuming) {
    const found = await recordAt(pds, did, rkey, text);
    if (found === "foreign") throw keyCollision(rkey);
    if (found !== "absent") return found.ours;
  }
  await beforeCreate();
  try {
    const body = await xrpc(pds, "com.atproto.repo.createRecord", "create", {
      token: account.tokens.accessToken,
      json: { repo: did, collection: POST_COLLECTION, rkey, record, validate: true },
    });
    const uri = str(body.uri) ?? `at://${did}/${POST_COLLECTION}/${rkey}`;
    return {
      platformPostId: uri,
      url: postUrl(did, rkey),
      response: { uri, cid: body.cid, commit: body.commit, validationStatus: body.validationStatus },
    };
  } catch (error) {
    if (!(error instanceof PlatformError) || error.kind === "auth_expired" || error.kind === "rate_limited") {
      throw error;
    }
    const found = await recordAt(pds, did, rkey, text).catch(() => "absent" as const);
    if (found === "foreign") throw keyCollision(rkey);
    if (found !== "absent") return found.ours;
    throw error;
  }
}

/** The first post (the only one unless a thread), with its media or link card. */
async function publishFirst(
  pds: Pds,
  account: ConnectedAccount,
  post: PublishRequest,
  progress: PublishProgress,
): Promise<PublishedRef> {
  const did = account.platformUserId;
  const rkey = await recordKeyFor(post.postId);
  if (progress.previous) {
    // An earlier attempt sent the record: if it landed, we are done before uploading anything again.
    const found = await recordAt(pds, did, rkey, post.text);
    if (found === "foreign") throw keyCollision(rkey);
    if (found !== "absent") return found.ours;
  }
  const embed = await embedFor(pds, account.tokens.accessToken, post);
  const record: Json = {
    $type: POST_COLLECTION,
    text: post.text,
    createdAt: new Date().toISOString(),
    ...(await facetsPart(pds, post.text)),
    ...(embed ? { embed } : {}),
  };
  return createPost(pds, account, rkey, post.text, false, record, () =>
    progress.save({ rkey, sentAt: Date.now() }),
  );
}

/**
 * The post, then each reply of a thread as a record with `reply: {root, parent}` at its own key (post
 * id + part number). The parts published so far are saved after each, so a retry resumes after them.
 */
export async function publishPost(
  pds: Pds,
  account: ConnectedAccount,
  post: PublishRequest,
  progress: PublishProgress,
): Promise<PublishedRef> {
  const did = account.platformUserId;
  const replies = post.replies ?? [];
  // A thread's parts published so far (saved after each), first post first.
  const thread = list(progress.previous?.thread).map(asRecord);
  const savedRoot = thread[0];
  const root: PublishedRef = savedRoot
    ? refOf(did, str(savedRoot.uri) ?? "", savedRoot.cid)
    : await publishFirst(pds, account, post, progress);
  if (replies.length === 0) return root;
  const refs: PublishedRef[] = [
    root,
    ...thread.slice(1).map((saved) => refOf(did, str(saved.uri) ?? "", saved.cid)),
  ];
  const rkey = await recordKeyFor(post.postId);
  const sentAt = num(progress.previous?.sentAt) ?? Date.now();
  const save = () =>
    progress.save({
      rkey,
      sentAt,
      thread: refs.map((ref) => ({ uri: ref.platformPostId, cid: ref.response?.cid ?? null })),
    });
  await save();
  // Only the first part not saved yet may be out already (its answer lost): its key is read first.
  let resuming = progress.previous !== null;
  for (let part = refs.length; part <= replies.length; part++) {
    const text = replies[part - 1] ?? "";
    const parent = refs.at(-1) ?? root;
    const reply = { root: strongRef(root), parent: strongRef(parent) };
    refs.push(
      await createPost(pds, account, await recordKeyFor(post.postId, part), text, resuming, {
        $type: POST_COLLECTION,
        text,
        createdAt: new Date().toISOString(),
        ...(await facetsPart(pds, text)),
        reply,
      }),
    );
    resuming = false;
    await save();
  }
  return {
    ...root,
    response: { ...(root.response ?? {}), replies: refs.slice(1).map((r) => r.platformPostId) },
  };
}

/** The post at our key when it holds our text: the whole existence check, never a create. */
export async function findPublishedPost(
  pds: Pds,
  account: ConnectedAccount,
  post: PublishRequest,
): Promise<PublishedRef | null> {
  const found = await recordAt(pds, account.platformUserId, await recordKeyFor(post.postId), post.text);
  return typeof found === "object" ? found.ours : null;
}
