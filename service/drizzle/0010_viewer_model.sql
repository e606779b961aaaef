CREATE TABLE `viewer_steps` (
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
CREATE TABLE `viewer_variants` (
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
CREATE TABLE `viewer_activities` (
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
CREATE TABLE `viewer_edges` (
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
CREATE TABLE `viewer_jobcenters` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`process` text NOT NULL,
	`jobcenter` text NOT NULL,
	`cases` integer NOT NULL,
	`events` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `viewer_periods` (
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
CREATE TABLE `viewer_builds` (
	`log` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`k` integer NOT NULL,
	`cases` integer NOT NULL,
	`merged_cell_cases` integer NOT NULL,
	`other_variant_cases` integer NOT NULL,
	`suppressed_cases` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `viewer_steps_scope_idx` ON `viewer_steps` (`log`,`jobcenter`,`period`);
--> statement-breakpoint
ALTER TABLE `loads` ADD `columns` text;
