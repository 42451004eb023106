CREATE TABLE `action_items` (
	`id` text PRIMARY KEY NOT NULL,
	`workshop_id` text NOT NULL,
	`dimension_id` text NOT NULL,
	`target_stage` text NOT NULL,
	`actions` text NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`due_date` text,
	`status` text NOT NULL,
	`copied_from_id` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshops`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_items_workshop_idx` ON `action_items` (`workshop_id`,`dimension_id`);