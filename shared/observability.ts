import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

// Service name and namespace come from POWERTOOLS_* variables set by the CDK app.
export const logger = new Logger();
export const metrics = new Metrics();
