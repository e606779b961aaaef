CREATE INDEX `cases_scope_idx` ON `cases` (`log`,`jobcenter`,`period`);--> statement-breakpoint
CREATE INDEX `steps_scope_idx` ON `steps` (`log`,`jobcenter`,`period`);