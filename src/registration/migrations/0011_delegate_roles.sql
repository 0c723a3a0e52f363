-- An organization accredits a titular delegate and a substitute (suplente): one of each at most, among the
-- registrations still standing (pending or approved). Delegates registered before this, or by import, have no role.
ALTER TABLE agents ADD COLUMN delegate_role TEXT CHECK (delegate_role IN ('titular', 'substitute'));
CREATE UNIQUE INDEX agents_one_delegate_per_role ON agents (municipality_id, organization_id, delegate_role)
  WHERE delegate_role IS NOT NULL AND status <> 'rejected';
