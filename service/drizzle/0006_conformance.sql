CREATE TABLE `conformance_models` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`model` text NOT NULL,
	`tasks` integer NOT NULL,
	`places` integer NOT NULL,
	`transitions` integer NOT NULL,
	`shortest_run` integer NOT NULL,
	`model_tasks_not_in_log` text NOT NULL,
	`log_activities_not_in_model` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `conformance_variants` (
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
CREATE INDEX `conformance_variants_scope_idx` ON `conformance_variants` (`log`,`jobcenter`,`period`);
--> statement-breakpoint
CREATE TABLE `conformance_activities` (
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
--> statement-breakpoint
CREATE TABLE `conformance_cases` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`process` text NOT NULL,
	`jobcenter` text NOT NULL,
	`period` text NOT NULL,
	`case_id` text NOT NULL,
	`variant_key` text NOT NULL,
	`fitness` real,
	`cost` integer,
	`log_moves` integer,
	`model_moves` integer,
	`token_fitness` real NOT NULL,
	`deviations` text
);
--> statement-breakpoint
CREATE INDEX `conformance_cases_scope_idx` ON `conformance_cases` (`log`,`jobcenter`,`period`);
