CREATE TABLE `reveals` (
	`workshop_id` text NOT NULL,
	`dimension_id` text NOT NULL,
	`revealed_at` integer NOT NULL,
	`revealed_by` text,
	`first_round` text NOT NULL,
	PRIMARY KEY(`workshop_id`, `dimension_id`),
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `room_focus` (
	`workshop_id` text PRIMARY KEY NOT NULL,
	`spotlight` text,
	`timer_ends_at` integer,
	`timer_label` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE no action
);
