/**
 * ModifyMigrateJobRequest as a zod schema, hand-written from the docs (the ModifyMigrateJob
 * input table and the DTS data types) for the validator benchmark. Unknown keys are rejected,
 * as the generated validator and the JSON Schema do.
 */
import { z } from "zod";

const ConsistencyParams = z.strictObject({
  SelectRowsPerTable: z.int(),
  TablesSelectAll: z.int(),
  TablesSelectCount: z.int(),
});

const MigrateOption = z.strictObject({
  RunMode: z.int(),
  ExpectTime: z.string().optional(),
  MigrateType: z.int().optional(),
  MigrateObject: z.int().optional(),
  ConsistencyType: z.int().optional(),
  IsOverrideRoot: z.int().optional(),
  ExternParams: z.string().optional(),
  ConsistencyParams: ConsistencyParams.optional(),
});

const SrcInfo = z.strictObject({
  AccessKey: z.string().optional(),
  Ip: z.string().optional(),
  Port: z.int().optional(),
  User: z.string().optional(),
  Password: z.string().optional(),
  RdsInstanceId: z.string().optional(),
  CvmInstanceId: z.string().optional(),
  UniqDcgId: z.string().optional(),
  VpcId: z.string().optional(),
  SubnetId: z.string().optional(),
  UniqVpnGwId: z.string().optional(),
  InstanceId: z.string().optional(),
  Region: z.string().optional(),
  Supplier: z.string().optional(),
  CcnId: z.string().optional(),
  EngineVersion: z.string().optional(),
});

const DstInfo = z.strictObject({
  Region: z.string(),
  InstanceId: z.string().optional(),
  Ip: z.string().optional(),
  Port: z.int().optional(),
  ReadOnly: z.int().optional(),
  User: z.string().optional(),
  Password: z.string().optional(),
});

export const ModifyMigrateJobRequestSchema = z.strictObject({
  JobId: z.string(),
  JobName: z.string().optional(),
  MigrateOption: MigrateOption.optional(),
  SrcAccessType: z.string().optional(),
  SrcInfo: SrcInfo.optional(),
  DstAccessType: z.string().optional(),
  DstInfo: DstInfo.optional(),
  DatabaseInfo: z.string().optional(),
});
