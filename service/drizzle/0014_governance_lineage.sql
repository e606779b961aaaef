ALTER TABLE `logs` ADD `purpose` text;
--> statement-breakpoint
ALTER TABLE `logs` ADD `legal_basis` text;
--> statement-breakpoint
ALTER TABLE `logs` ADD `controller` text;
--> statement-breakpoint
ALTER TABLE `loads` ADD `source_files` text;
--> statement-breakpoint
ALTER TABLE `loads` ADD `mapping` text;
--> statement-breakpoint
ALTER TABLE `loads` ADD `rules_name` text;
--> statement-breakpoint
ALTER TABLE `loads` ADD `rules_sha256` text;
--> statement-breakpoint
ALTER TABLE `loads` ADD `model_name` text;
--> statement-breakpoint
ALTER TABLE `loads` ADD `model_sha256` text;
--> statement-breakpoint
ALTER TABLE `loads` ADD `loaded_by` text;
--> statement-breakpoint
ALTER TABLE `events` ADD `team` text;
--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`process` text NOT NULL,
	`jobcenter` text NOT NULL,
	`team` text NOT NULL,
	`cases` integer NOT NULL,
	`caseworkers` integer NOT NULL,
	`events` integer NOT NULL,
	`open_cases` integer NOT NULL,
	`finished_cases` integer NOT NULL,
	`sum_duration_seconds` real NOT NULL
);
--> statement-breakpoint
CREATE INDEX `teams_scope_idx` ON `teams` (`log`,`jobcenter`);
--> statement-breakpoint
CREATE TABLE `attached_models` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`name` text NOT NULL,
	`graph` text NOT NULL,
	`net` text NOT NULL,
	`digest` text NOT NULL
);
