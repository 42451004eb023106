-- Tokens issued before this change were hashed whole; they cannot be checked against a secret hash,
-- so every old session ends here (users sign in again) and the NOT NULL column can be added.
DELETE FROM `sessions`;--> statement-breakpoint
ALTER TABLE `sessions` ADD `secret_hash` blob NOT NULL;
