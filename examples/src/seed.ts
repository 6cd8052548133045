// What the five examples share with the Python seed they re-create: its activity prefix, and
// the heartbeat it put on every activity Task. sfini's activities heartbeat every 20 s and its
// Tasks allow 5 s more, so each Task it built carries `HeartbeatSeconds: 25`.

/** sfini's README registers every example's activities under this prefix. */
export const SEED_PREFIX = 'myPackage';

/** The name every seed example gives its state machine. */
export const SEED_MACHINE_NAME = 'myStateMachine';

/** The Task heartbeat sfini emitted for an activity with its default 20 s heartbeat. */
export const SEED_HEARTBEAT_SECONDS = 25;
