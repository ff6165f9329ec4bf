// A bare client with every feature installed by hand, as the package README shows: the error
// classes, standardRetry, a RateLimiter and the default credential chain (here: environment).
import {
  createBareDtsClient,
  defaultCredentialChain,
  dtsV20180330Errors,
  modifyMigrateJob,
  RateLimiter,
  ResourceNotFoundJobNotExistError,
  standardRetry,
} from "@tcgen/dts/v20180330";

declare const PORT: string;

const client = createBareDtsClient(
  {
    region: "ap-guangzhou",
    credentials: defaultCredentialChain(),
    endpoint: `http://127.0.0.1:${PORT}`,
  },
  {
    errors: dtsV20180330Errors,
    retry: standardRetry({ maxAttempts: 3 }),
    rateLimiter: new RateLimiter(),
  },
);
modifyMigrateJob(client, { JobId: "dts-1kl0iy0v" }).then(
  (response) => console.log(`RequestId=${response.RequestId}`),
  (error: unknown) =>
    console.log(error instanceof ResourceNotFoundJobNotExistError ? "JobNotExist" : String(error)),
);
