import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { CfnApi, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  Distribution,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { CfnUserPoolClient, type UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { OpsAuth } from './ops-auth.ts';

export interface OpsConsoleProps {
  readonly auth: OpsAuth;
  /** The HTTP API the console calls: it is told to accept the console's origin (CORS). */
  readonly api: HttpApi;
  /** The Cognito hosted UI's domain prefix (globally unique); `<stack>-ops-<account>` unless given. */
  readonly signInDomainPrefix?: string;
}

/**
 * The ops console as static files: a private S3 bucket behind CloudFront (origin access control),
 * and sign-in through the user pool's hosted UI (authorization code with PKCE, the ops API's own
 * app client). The console reads its settings from `config.json` beside index.html; the
 * `ConsoleConfig` output holds it, and deploying the console is:
 *   npx vite build --config console/vite.config.ts
 *   aws cloudformation describe-stacks --stack-name <stack> --query "Stacks[0].Outputs[?OutputKey=='ConsoleConfig'].OutputValue" --output text > console/dist/config.json
 *   aws s3 sync console/dist s3://<ConsoleBucketName> --delete
 * (Writing the files from CDK would need BucketDeployment's Lambda and CLI layer in every synth,
 * which the local stack and the functions' invariants do not admit.)
 */
export class OpsConsole extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly signInDomain: UserPoolDomain;
  /** The console's address, also its OAuth callback. */
  readonly url: string;

  constructor(scope: Construct, id: string, { auth, api, signInDomainPrefix }: OpsConsoleProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      // Only build output lives here: it is rebuilt from the repository at any time.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Aftersales ops console',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
      },
    });
    this.url = `https://${this.distribution.distributionDomainName}/`;

    this.signInDomain = auth.userPool.addDomain('ConsoleSignIn', {
      cognitoDomain: { domainPrefix: signInDomainPrefix ?? `${Stack.of(this).stackName.toLowerCase()}-ops-${Aws.ACCOUNT_ID}` },
    });
    // The ops API's app client (whose tokens its authorizer accepts) also signs in through the hosted UI.
    const client = auth.client.node.defaultChild as CfnUserPoolClient;
    client.allowedOAuthFlowsUserPoolClient = true;
    client.allowedOAuthFlows = ['code'];
    client.allowedOAuthScopes = ['openid', 'email', 'profile'];
    client.supportedIdentityProviders = ['COGNITO'];
    client.callbackUrLs = [this.url];
    client.logoutUrLs = [this.url];

    // The console's origin calls the API from the browser: CORS for it alone, with the bearer token.
    (api.node.defaultChild as CfnApi).corsConfiguration = {
      allowOrigins: [`https://${this.distribution.distributionDomainName}`],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowHeaders: ['authorization', 'content-type'],
      maxAge: 3600,
    };

    const config = {
      apiUrl: api.apiEndpoint,
      shops: [],
      auth: { kind: 'cognito', domain: this.signInDomain.baseUrl(), clientId: auth.client.userPoolClientId, redirectUri: this.url, scopes: ['openid', 'email', 'profile'] },
    };
    new CfnOutput(this, 'Url', { key: 'ConsoleUrl', value: this.url, description: 'The ops console' });
    new CfnOutput(this, 'BucketName', { key: 'ConsoleBucketName', value: this.bucket.bucketName, description: 'Where the console build goes (aws s3 sync console/dist)' });
    new CfnOutput(this, 'Config', { key: 'ConsoleConfig', value: Stack.of(this).toJsonString(config), description: 'The console config.json' });

    Validations.of(this.bucket).acknowledge(
      { id: 'AwsSolutions::AwsSolutions-S1', reason: 'The bucket holds only the public build of the console, read solely by CloudFront; requests are visible in CloudFront, access logs would record nothing sensitive.' },
    );
    Validations.of(this.distribution).acknowledge(
      { id: 'AwsSolutions::AwsSolutions-CFR1', reason: 'Ops staff work from anywhere; the console is static files and every API call needs a Cognito token.' },
      { id: 'AwsSolutions::AwsSolutions-CFR2', reason: 'The distribution serves only static files; the API it calls is throttled and authorized on its own.' },
      { id: 'AwsSolutions::AwsSolutions-CFR3', reason: 'Access logs of static console files carry no audit value; ops actions are audited by the API.' },
      { id: 'AwsSolutions::AwsSolutions-CFR4', reason: 'The default *.cloudfront.net certificate is used until a custom domain is configured; CloudFront negotiates TLS 1.2+ with modern browsers.' },
    );
  }
}
