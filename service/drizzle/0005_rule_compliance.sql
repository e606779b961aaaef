CREATE TABLE `rule_catalogues` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`catalogue` text NOT NULL,
	`process` text,
	`as_of` text,
	`text` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rules` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`catalogue` text NOT NULL,
	`rule` text NOT NULL,
	`title_da` text NOT NULL,
	`title_en` text NOT NULL,
	`source` text NOT NULL,
	`basis` text NOT NULL,
	`kind` text NOT NULL,
	`share` real,
	`valid_from` text,
	`valid_to` text
);
--> statement-breakpoint
CREATE TABLE `compliance` (
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
CREATE INDEX `compliance_scope_idx` ON `compliance` (`log`,`jobcenter`,`month`);--> statement-breakpoint
CREATE TABLE `case_compliance` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`process` text NOT NULL,
	`jobcenter` text NOT NULL,
	`month` text NOT NULL,
	`case_id` text NOT NULL,
	`rule` text NOT NULL,
	`status` text NOT NULL,
	`days_late` integer
);
--> statement-breakpoint
CREATE INDEX `case_compliance_scope_idx` ON `case_compliance` (`log`,`jobcenter`,`month`);
