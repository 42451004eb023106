CREATE TABLE `consensus_drafts` (
	`workshop_id` text NOT NULL,
	`dimension_id` text NOT NULL,
	`stage` text NOT NULL,
	`rationale` text NOT NULL,
	`dissent` text DEFAULT '' NOT NULL,
	`next_steps` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`workshop_id`, `dimension_id`),
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `consensus_locks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workshop_id` text NOT NULL,
	`dimension_id` text NOT NULL,
	`revision` integer NOT NULL,
	`stage` text NOT NULL,
	`rationale` text NOT NULL,
	`dissent` text NOT NULL,
	`next_steps` text NOT NULL,
	`final_ratings` text NOT NULL,
	`first_round` text NOT NULL,
	`content_hash` text NOT NULL,
	`locked_at` integer NOT NULL,
	`locked_by` text NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`locked_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consensus_locks_revision_idx` ON `consensus_locks` (`workshop_id`,`dimension_id`,`revision`);--> statement-breakpoint
CREATE TABLE `consensus_unlocks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lock_id` integer NOT NULL,
	`workshop_id` text NOT NULL,
	`dimension_id` text NOT NULL,
	`reason` text NOT NULL,
	`unlocked_at` integer NOT NULL,
	`unlocked_by` text NOT NULL,
	FOREIGN KEY (`lock_id`) REFERENCES `consensus_locks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unlocked_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consensus_unlocks_lock_id_unique` ON `consensus_unlocks` (`lock_id`);--> statement-breakpoint
CREATE INDEX `consensus_unlocks_dimension_idx` ON `consensus_unlocks` (`workshop_id`,`dimension_id`);--> statement-breakpoint
CREATE TABLE `not_assessed` (
	`workshop_id` text NOT NULL,
	`dimension_id` text NOT NULL,
	`reason` text NOT NULL,
	`marked_at` integer NOT NULL,
	`marked_by` text NOT NULL,
	PRIMARY KEY(`workshop_id`, `dimension_id`),
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`marked_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
