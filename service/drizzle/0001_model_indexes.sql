DROP INDEX `activities_log_idx`;--> statement-breakpoint
DROP INDEX `cases_log_idx`;--> statement-breakpoint
CREATE INDEX `cases_case_idx` ON `cases` (`case_id`);--> statement-breakpoint
DROP INDEX `edges_log_idx`;--> statement-breakpoint
DROP INDEX `jobcenters_log_idx`;--> statement-breakpoint
DROP INDEX `periods_log_idx`;--> statement-breakpoint
DROP INDEX `steps_log_idx`;--> statement-breakpoint
DROP INDEX `variants_log_idx`;