CREATE TABLE `findings` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`process` text NOT NULL,
	`jobcenter` text NOT NULL,
	`finding_id` text NOT NULL,
	`kind` text NOT NULL,
	`rank` integer NOT NULL,
	`status` text NOT NULL,
	`first_version` integer NOT NULL,
	`activity` text,
	`from_activity` text,
	`to_activity` text,
	`rule` text,
	`cases` integer NOT NULL,
	`value_dkk` real NOT NULL,
	`evidence` text NOT NULL,
	`summary_en` text NOT NULL,
	`summary_da` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `findings_scope_idx` ON `findings` (`log`,`jobcenter`);
--> statement-breakpoint
CREATE TABLE `finding_cases` (
	`id` integer PRIMARY KEY NOT NULL,
	`log` text NOT NULL,
	`version` integer NOT NULL,
	`process` text NOT NULL,
	`jobcenter` text NOT NULL,
	`finding_id` text NOT NULL,
	`case_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `finding_cases_idx` ON `finding_cases` (`log`,`finding_id`);
