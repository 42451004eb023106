-- Immutability of the official record, enforced by the database itself (SPEC LOCK3, LOCK6, AUDIT1):
-- even someone with a SQL shell cannot silently change a lock, an unlock or the audit log, short of
-- dropping these triggers. Application code checks the same rules first to give friendly errors.
CREATE TRIGGER `consensus_locks_no_update` BEFORE UPDATE ON `consensus_locks`
BEGIN
	SELECT RAISE(ABORT, 'consensus_locks is append-only: rows are never updated');
END;
--> statement-breakpoint
CREATE TRIGGER `consensus_locks_no_delete` BEFORE DELETE ON `consensus_locks`
BEGIN
	SELECT RAISE(ABORT, 'consensus_locks is append-only: rows are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `consensus_unlocks_no_update` BEFORE UPDATE ON `consensus_unlocks`
BEGIN
	SELECT RAISE(ABORT, 'consensus_unlocks is append-only: rows are never updated');
END;
--> statement-breakpoint
CREATE TRIGGER `consensus_unlocks_no_delete` BEFORE DELETE ON `consensus_unlocks`
BEGIN
	SELECT RAISE(ABORT, 'consensus_unlocks is append-only: rows are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only: rows are never updated');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only: rows are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `consensus_drafts_locked_no_update` BEFORE UPDATE ON `consensus_drafts`
	WHEN EXISTS (SELECT 1 FROM consensus_locks l WHERE l.workshop_id = OLD.workshop_id AND l.dimension_id = OLD.dimension_id AND l.revision = OLD.revision AND NOT EXISTS (SELECT 1 FROM consensus_unlocks u WHERE u.lock_id = l.id))
BEGIN
	SELECT RAISE(ABORT, 'this consensus is locked: unlock it (with a reason) first');
END;
--> statement-breakpoint
CREATE TRIGGER `consensus_drafts_locked_no_delete` BEFORE DELETE ON `consensus_drafts`
	WHEN EXISTS (SELECT 1 FROM consensus_locks l WHERE l.workshop_id = OLD.workshop_id AND l.dimension_id = OLD.dimension_id AND l.revision = OLD.revision AND NOT EXISTS (SELECT 1 FROM consensus_unlocks u WHERE u.lock_id = l.id))
BEGIN
	SELECT RAISE(ABORT, 'this consensus is locked: unlock it (with a reason) first');
END;
--> statement-breakpoint
CREATE TRIGGER `consensus_drafts_finalized_no_insert` BEFORE INSERT ON `consensus_drafts`
	WHEN (SELECT status FROM workshops WHERE id = NEW.workshop_id) = 'finalized'
BEGIN
	SELECT RAISE(ABORT, 'the workshop is finalized: nothing can change');
END;
--> statement-breakpoint
CREATE TRIGGER `consensus_drafts_finalized_no_update` BEFORE UPDATE ON `consensus_drafts`
	WHEN (SELECT status FROM workshops WHERE id = OLD.workshop_id) = 'finalized'
BEGIN
	SELECT RAISE(ABORT, 'the workshop is finalized: nothing can change');
END;
--> statement-breakpoint
CREATE TRIGGER `consensus_drafts_finalized_no_delete` BEFORE DELETE ON `consensus_drafts`
	WHEN (SELECT status FROM workshops WHERE id = OLD.workshop_id) = 'finalized'
BEGIN
	SELECT RAISE(ABORT, 'the workshop is finalized: nothing can change');
END;
--> statement-breakpoint
CREATE TRIGGER `not_assessed_finalized_no_insert` BEFORE INSERT ON `not_assessed`
	WHEN (SELECT status FROM workshops WHERE id = NEW.workshop_id) = 'finalized'
BEGIN
	SELECT RAISE(ABORT, 'the workshop is finalized: nothing can change');
END;
--> statement-breakpoint
CREATE TRIGGER `not_assessed_finalized_no_update` BEFORE UPDATE ON `not_assessed`
	WHEN (SELECT status FROM workshops WHERE id = OLD.workshop_id) = 'finalized'
BEGIN
	SELECT RAISE(ABORT, 'the workshop is finalized: nothing can change');
END;
--> statement-breakpoint
CREATE TRIGGER `not_assessed_finalized_no_delete` BEFORE DELETE ON `not_assessed`
	WHEN (SELECT status FROM workshops WHERE id = OLD.workshop_id) = 'finalized'
BEGIN
	SELECT RAISE(ABORT, 'the workshop is finalized: nothing can change');
END;
--> statement-breakpoint
CREATE TRIGGER `consensus_locks_finalized_no_insert` BEFORE INSERT ON `consensus_locks`
	WHEN (SELECT status FROM workshops WHERE id = NEW.workshop_id) = 'finalized'
BEGIN
	SELECT RAISE(ABORT, 'the workshop is finalized: nothing can change');
END;
--> statement-breakpoint
CREATE TRIGGER `consensus_unlocks_finalized_no_insert` BEFORE INSERT ON `consensus_unlocks`
	WHEN (SELECT status FROM workshops WHERE id = NEW.workshop_id) = 'finalized'
BEGIN
	SELECT RAISE(ABORT, 'the workshop is finalized: nothing can change');
END;
