import { Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { createCustomerSession, getCustomerOrder } from '../../shared/api/routes.ts';
import type { Backbone } from './backbone.ts';

export interface CustomerApiProps {
  readonly backbone: Backbone;
}

/**
 * The customer portal API: customers sign in with an order number and the email on the order and
 * get a session token signed with a key kept in Secrets Manager; the portal function checks it.
 */
export class CustomerApi extends Construct {
  readonly sessionSecret: Secret;

  constructor(scope: Construct, id: string, { backbone }: CustomerApiProps) {
    super(scope, id);

    this.sessionSecret = new Secret(this, 'SessionKey', {
      description: 'HMAC key that signs customer portal session tokens',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(this.sessionSecret).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason: 'Rotating the key signs every customer out (sessions last one hour); replace the value by hand if it leaks.',
    });

    const portal = backbone.newFunction(this, 'Portal', {
      entry: 'functions/customer/portal.ts',
      service: 'customer',
      description: 'Customer portal: sign-in with order number and email, own orders',
      environment: {
        STATE_TABLE_NAME: backbone.stateTable.tableName,
        CUSTOMER_SESSION_SECRET_ARN: this.sessionSecret.secretArn,
      },
    });
    backbone.grantState(portal, 'read');
    this.sessionSecret.grantRead(portal.fn);

    backbone.addPublicRoute(createCustomerSession, portal.fn);
    backbone.addCustomerRoute(getCustomerOrder, portal.fn);
  }
}
