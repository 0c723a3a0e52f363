-- Indexes for the transparency portal's national view: one aggregate per read over every municipality.

-- One fiscal year's processes across the installation (the join of the national view filters by year).
CREATE INDEX processes_by_year ON processes (fiscal_year, municipality_id);

-- Approved agents counted per process and sex, read from the index alone: sought per process for one year's
-- processes, scanned in key order for the series over every year.
CREATE INDEX agents_by_process_status_sex ON agents (municipality_id, process_id, status, sex);

-- A municipality's district and the district's province and region.
CREATE INDEX municipalities_by_jurisdiction ON municipalities (jurisdiction_id);
CREATE INDEX jurisdictions_by_parent ON jurisdictions (parent_id);
