CREATE TABLE `log_versions` (
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`recipe` text NOT NULL,
	`kept` integer DEFAULT 1 NOT NULL,
	`loaded_by` text,
	PRIMARY KEY(`log`, `version`)
);
--> statement-breakpoint
CREATE TABLE `version_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`case_id` text NOT NULL,
	`activity` text NOT NULL,
	`timestamp` integer NOT NULL,
	`end_timestamp` integer,
	`resource` text,
	`lifecycle` text,
	`jobcenter` text,
	`attributes` text
);
--> statement-breakpoint
CREATE INDEX `version_events_log_version_idx` ON `version_events` (`log`,`version`);
--> statement-breakpoint
CREATE TABLE `version_cases` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`case_id` text NOT NULL,
	`process` text NOT NULL,
	`jobcenter` text NOT NULL,
	`attributes` text
);
--> statement-breakpoint
CREATE INDEX `version_cases_log_version_idx` ON `version_cases` (`log`,`version`);
--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`token_id` text NOT NULL,
	`state` text NOT NULL,
	`files` text NOT NULL,
	`spec` text NOT NULL,
	`cleanup_dir` text,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	`report` text,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `jobs_state_idx` ON `jobs` (`state`);
