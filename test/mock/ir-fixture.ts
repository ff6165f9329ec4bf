/** A small hand-written IR for the mock and example-test emitter tests. */
import type { Action, Field, Ir, Structure, TypeRef } from "../../generator/ir/types.js";

const at = { file: "fixture.md", line: 1, column: 1 };

function field(name: string, type: TypeRef, required = false, nullable = false): Field {
  return { name, required, type, description: "", nullable, position: at };
}

const string: TypeRef = { kind: "primitive", name: "string", docType: "String" };
const integer: TypeRef = { kind: "primitive", name: "integer", docType: "Integer" };
const float: TypeRef = { kind: "primitive", name: "float", docType: "Float" };
const boolean: TypeRef = { kind: "primitive", name: "boolean", docType: "Boolean" };
const option: TypeRef = { kind: "struct", name: "MigrateOption", docType: "MigrateOption" };
const options: TypeRef = {
  kind: "array",
  element: option,
  docType: "Array of MigrateOption",
};
const strings: TypeRef = { kind: "array", element: string, docType: "Array of String" };
const free: TypeRef = { kind: "struct", name: "Free", docType: "Free" };

export const structures: Structure[] = [
  {
    name: "Free",
    description: "",
    fields: [],
    open: true,
    position: at,
  },
  {
    name: "MigrateOption",
    description: "",
    fields: [field("RunMode", integer, true), field("Speed", float), field("Enabled", boolean)],
    open: false,
    position: at,
  },
];

export const modifyJob: Action = {
  name: "ModifyMigrateJob",
  description: "",
  finance: {
    supported: true,
    hosts: ["dts.ap-shenzhen-fsi.tencentcloudapi.com"],
    hostTemplate: "dts.{region}.tencentcloudapi.com",
  },
  input: [
    field("JobId", string, true),
    field("JobName", string, false, true),
    field("MigrateOption", option),
    field("Options", options),
    field("Tags", strings),
    field("Extra", free),
  ],
  output: [field("RequestId", string)],
  errors: [
    {
      code: "ResourceNotFound.JobNotExist",
      description: "The migration task does not exist.",
      position: at,
    },
    { code: "InvalidParameter", description: "Parameter error", position: at },
  ],
  examples: [
    {
      title: "Example 1 Modify a task",
      requestStyle: "get",
      request: { JobId: "dts-1", MigrateOption: { RunMode: 1 } },
      response: { RequestId: "req-1" },
      responseJson: '{"RequestId":"req-1"}',
      position: at,
    },
    {
      title: "Example 2 Contradicts the page",
      requestStyle: "get",
      action: "ModifyMigrateJobs",
      request: { JobId: "dts-1", MigrateOption: { RunMode: "1" }, Bogus: 1 },
      response: null,
      responseJson: null,
      position: at,
    },
  ],
  position: at,
};

const describeJobs: Action = {
  name: "DescribeMigrateJobs",
  description: "",
  input: [field("Limit", integer)],
  output: [field("RequestId", string)],
  errors: [],
  examples: [],
  position: at,
};

export const fixtureIr: Ir = {
  irVersion: 3,
  services: [
    {
      name: "dts",
      versions: [
        {
          version: "2018-03-30",
          host: "dts.tencentcloudapi.com",
          actions: [describeJobs, modifyJob],
          structures,
        },
      ],
    },
  ],
  commonErrors: [
    { code: "AuthFailure.SignatureExpire", description: "Signature expired.", position: at },
    { code: "InternalError", description: "Internal error.", position: at },
    { code: "InvalidParameter", description: "Invalid parameter.", position: at },
    { code: "MissingParameter", description: "Missing parameter.", position: at },
    { code: "RequestLimitExceeded", description: "Too many requests.", position: at },
  ],
};
