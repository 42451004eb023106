-- The update log keyed by (doc, id) WITHOUT ROWID: a doc's log lies together, so a compaction's
-- delete touches a few pages instead of one per update (docs/benchmarks.md item 39). drizzle-kit
-- generated the rebuild; WITHOUT ROWID was added by hand (its schema snapshot has no such flag).
-- Existing ids are kept: they grow per doc, which is all the store needs.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_yjs_updates` (
	`doc_name` text NOT NULL,
	`id` integer NOT NULL,
	`update` blob NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`doc_name`, `id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_yjs_updates`("doc_name", "id", "update", "created_at") SELECT "doc_name", "id", "update", "created_at" FROM `yjs_updates`;--> statement-breakpoint
DROP TABLE `yjs_updates`;--> statement-breakpoint
ALTER TABLE `__new_yjs_updates` RENAME TO `yjs_updates`;--> statement-breakpoint
PRAGMA foreign_keys=ON;