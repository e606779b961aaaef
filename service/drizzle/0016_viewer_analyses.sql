CREATE TABLE `viewer_compliance` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`process` text NOT NULL,
	`jobcenter` text NOT NULL,
	`month` text NOT NULL,
	`rule` text NOT NULL,
	`status` text NOT NULL,
	`cases` integer NOT NULL,
	`sum_days_late` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `viewer_compliance_scope_idx` ON `viewer_compliance` (`log`,`jobcenter`,`month`);
--> statement-breakpoint
CREATE TABLE `viewer_conformance_variants` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`process` text NOT NULL,
	`jobcenter` text NOT NULL,
	`period` text NOT NULL,
	`variant_key` text NOT NULL,
	`cases` integer NOT NULL,
	`aligned_cases` integer NOT NULL,
	`sum_fitness` real NOT NULL,
	`fitting_cases` integer NOT NULL,
	`sum_cost` integer NOT NULL,
	`sum_max_cost` integer NOT NULL,
	`sum_produced` integer NOT NULL,
	`sum_consumed` integer NOT NULL,
	`sum_missing` integer NOT NULL,
	`sum_remaining` integer NOT NULL,
	`token_fitting_cases` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `viewer_conformance_variants_scope_idx` ON `viewer_conformance_variants` (`log`,`jobcenter`,`period`);
--> statement-breakpoint
CREATE TABLE `viewer_conformance_activities` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`process` text NOT NULL,
	`jobcenter` text NOT NULL,
	`period` text NOT NULL,
	`activity` text NOT NULL,
	`log_moves` integer NOT NULL,
	`model_moves` integer NOT NULL,
	`log_move_cases` integer NOT NULL,
	`model_move_cases` integer NOT NULL
);
