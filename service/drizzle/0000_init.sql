CREATE TABLE `activities` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`process` text NOT NULL,
	`jobcenter` text NOT NULL,
	`period` text NOT NULL,
	`activity` text NOT NULL,
	`events` integer NOT NULL,
	`cases` integer NOT NULL,
	`repeats` integer NOT NULL,
	`self_loops` integer NOT NULL,
	`instances` integer DEFAULT 0 NOT NULL,
	`sum_processing_seconds` real DEFAULT 0 NOT NULL,
	`sum_waiting_seconds` real DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `activities_log_idx` ON `activities` (`log`,`jobcenter`,`period`);--> statement-breakpoint
CREATE TABLE `audit` (
	`id` integer PRIMARY KEY NOT NULL,
	`ts` integer NOT NULL,
	`token_id` text,
	`action` text NOT NULL,
	`target` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_ts_idx` ON `audit` (`ts`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`process` text NOT NULL,
	`jobcenter` text NOT NULL,
	`period` text NOT NULL,
	`case_id` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`duration_seconds` real NOT NULL,
	`events` integer NOT NULL,
	`variant_key` text NOT NULL,
	`open` integer NOT NULL,
	`attributes` text
);
--> statement-breakpoint
CREATE INDEX `cases_log_idx` ON `cases` (`log`,`jobcenter`,`period`);--> statement-breakpoint
CREATE TABLE `edges` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`process` text NOT NULL,
	`jobcenter` text NOT NULL,
	`period` text NOT NULL,
	`from_activity` text NOT NULL,
	`to_activity` text NOT NULL,
	`transitions` integer NOT NULL,
	`cases` integer NOT NULL,
	`sum_seconds` real NOT NULL,
	`h00` integer DEFAULT 0 NOT NULL,
	`h01` integer DEFAULT 0 NOT NULL,
	`h02` integer DEFAULT 0 NOT NULL,
	`h03` integer DEFAULT 0 NOT NULL,
	`h04` integer DEFAULT 0 NOT NULL,
	`h05` integer DEFAULT 0 NOT NULL,
	`h06` integer DEFAULT 0 NOT NULL,
	`h07` integer DEFAULT 0 NOT NULL,
	`h08` integer DEFAULT 0 NOT NULL,
	`h09` integer DEFAULT 0 NOT NULL,
	`h10` integer DEFAULT 0 NOT NULL,
	`h11` integer DEFAULT 0 NOT NULL,
	`h12` integer DEFAULT 0 NOT NULL,
	`h13` integer DEFAULT 0 NOT NULL,
	`h14` integer DEFAULT 0 NOT NULL,
	`h15` integer DEFAULT 0 NOT NULL,
	`h16` integer DEFAULT 0 NOT NULL,
	`h17` integer DEFAULT 0 NOT NULL,
	`h18` integer DEFAULT 0 NOT NULL,
	`h19` integer DEFAULT 0 NOT NULL,
	`h20` integer DEFAULT 0 NOT NULL,
	`h21` integer DEFAULT 0 NOT NULL,
	`h22` integer DEFAULT 0 NOT NULL,
	`h23` integer DEFAULT 0 NOT NULL,
	`h24` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `edges_log_idx` ON `edges` (`log`,`jobcenter`,`period`);--> statement-breakpoint
CREATE TABLE `events` (
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
CREATE INDEX `events_log_version_idx` ON `events` (`log`,`version`);--> statement-breakpoint
CREATE TABLE `jobcenters` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`process` text NOT NULL,
	`jobcenter` text NOT NULL,
	`cases` integer NOT NULL,
	`events` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `jobcenters_log_idx` ON `jobcenters` (`log`,`jobcenter`);--> statement-breakpoint
CREATE TABLE `loads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`log` text NOT NULL,
	`version` integer,
	`process` text,
	`files` text NOT NULL,
	`content_hash` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`rows_read` integer DEFAULT 0 NOT NULL,
	`rows_accepted` integer DEFAULT 0 NOT NULL,
	`rows_duplicates` integer DEFAULT 0 NOT NULL,
	`rows_quarantined` integer DEFAULT 0 NOT NULL,
	`quarantined_by_reason` text DEFAULT '{}' NOT NULL,
	`cases` integer DEFAULT 0 NOT NULL,
	`events` integer DEFAULT 0 NOT NULL,
	`first_timestamp` integer,
	`last_timestamp` integer,
	`status` text NOT NULL,
	`message` text
);
--> statement-breakpoint
CREATE INDEX `loads_log_idx` ON `loads` (`log`,`version`);--> statement-breakpoint
CREATE INDEX `loads_hash_idx` ON `loads` (`content_hash`);--> statement-breakpoint
CREATE TABLE `logs` (
	`name` text PRIMARY KEY NOT NULL,
	`process` text,
	`current_version` integer NOT NULL,
	`min_group_size` integer DEFAULT 5 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `periods` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`process` text NOT NULL,
	`jobcenter` text NOT NULL,
	`period` text NOT NULL,
	`cases` integer NOT NULL,
	`events` integer NOT NULL,
	`open_cases` integer NOT NULL,
	`sum_seconds` real NOT NULL
);
--> statement-breakpoint
CREATE INDEX `periods_log_idx` ON `periods` (`log`,`jobcenter`,`period`);--> statement-breakpoint
CREATE TABLE `quarantine` (
	`id` integer PRIMARY KEY NOT NULL,
	`load_id` integer NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`file` text NOT NULL,
	`line` integer NOT NULL,
	`column` text,
	`reason` text NOT NULL,
	`message` text NOT NULL,
	`raw` text NOT NULL,
	FOREIGN KEY (`load_id`) REFERENCES `loads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quarantine_log_idx` ON `quarantine` (`log`,`version`);--> statement-breakpoint
CREATE INDEX `quarantine_load_idx` ON `quarantine` (`load_id`);--> statement-breakpoint
CREATE TABLE `steps` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`process` text NOT NULL,
	`jobcenter` text NOT NULL,
	`period` text NOT NULL,
	`variant_key` text NOT NULL,
	`step_index` integer NOT NULL,
	`from_activity` text NOT NULL,
	`to_activity` text NOT NULL,
	`cases` integer NOT NULL,
	`sum_seconds` real NOT NULL,
	`h00` integer DEFAULT 0 NOT NULL,
	`h01` integer DEFAULT 0 NOT NULL,
	`h02` integer DEFAULT 0 NOT NULL,
	`h03` integer DEFAULT 0 NOT NULL,
	`h04` integer DEFAULT 0 NOT NULL,
	`h05` integer DEFAULT 0 NOT NULL,
	`h06` integer DEFAULT 0 NOT NULL,
	`h07` integer DEFAULT 0 NOT NULL,
	`h08` integer DEFAULT 0 NOT NULL,
	`h09` integer DEFAULT 0 NOT NULL,
	`h10` integer DEFAULT 0 NOT NULL,
	`h11` integer DEFAULT 0 NOT NULL,
	`h12` integer DEFAULT 0 NOT NULL,
	`h13` integer DEFAULT 0 NOT NULL,
	`h14` integer DEFAULT 0 NOT NULL,
	`h15` integer DEFAULT 0 NOT NULL,
	`h16` integer DEFAULT 0 NOT NULL,
	`h17` integer DEFAULT 0 NOT NULL,
	`h18` integer DEFAULT 0 NOT NULL,
	`h19` integer DEFAULT 0 NOT NULL,
	`h20` integer DEFAULT 0 NOT NULL,
	`h21` integer DEFAULT 0 NOT NULL,
	`h22` integer DEFAULT 0 NOT NULL,
	`h23` integer DEFAULT 0 NOT NULL,
	`h24` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `steps_log_idx` ON `steps` (`log`,`jobcenter`,`period`);--> statement-breakpoint
CREATE TABLE `tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`jobcenters` text,
	`hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tokens_hash_unique` ON `tokens` (`hash`);--> statement-breakpoint
CREATE TABLE `variants` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`process` text NOT NULL,
	`jobcenter` text NOT NULL,
	`period` text NOT NULL,
	`variant_key` text NOT NULL,
	`activities` text NOT NULL,
	`activities_json` text NOT NULL,
	`length` integer NOT NULL,
	`cases` integer NOT NULL,
	`sum_seconds` real NOT NULL
);
--> statement-breakpoint
CREATE INDEX `variants_log_idx` ON `variants` (`log`,`jobcenter`,`period`);