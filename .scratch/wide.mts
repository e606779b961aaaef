import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { openDatabase } from '../service/src/db/client';
import { readReportData } from '../service/src/report/report-data';
import { renderReport } from '../service/src/report/render-report';
const s = openDatabase('/tmp/fx/t.sqlite');
const html = renderReport(readReportData(s.sqlite, { log: process.argv[2] ?? 'akademiker', scope: '', lang: 'da', now: Date.now() }));
(await import('node:fs')).writeFileSync('/tmp/fx/r.html', html);
