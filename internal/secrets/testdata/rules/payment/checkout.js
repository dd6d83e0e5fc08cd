const Stripe = require('stripe');
// ruleid: secrets.stripe-key
const stripe = Stripe('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');
// ruleid: secrets.stripe-key
const restricted = 'rk_live_KugVK9jWTHFMu8jeykvQiKJ2';
// ruleid: secrets.stripe-key
const testKey = 'sk_test_RfavINiYdI06lc8cLJlLUmon';
// ruleid: secrets.stripe-key
const endpointSecret = "whsec_zta3vWClLBSEBKgwmHdba8JJ5E7caiGV";
// Publishable keys are meant for browsers.
// ok: secrets.stripe-key
const publishable = 'pk_live_51HqLyjWDarjtT1zdp7dcXAMPLEpublishablekey000000';
// ok: secrets.stripe-key
const docs = 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx';

// ruleid: secrets.paypal-braintree-credential
const gateway = new braintree.BraintreeGateway({ accessToken: 'access_token$production$11x6datht4l6q03e$d54137fcb6229610aa96b0d5fb5a6e0f' });
// ruleid: secrets.paypal-braintree-credential
const PAYPAL_CLIENT_SECRET = 'EEtrb42QLDJRWoJZ7qj5YXiWJOpSTNQszcS1c52b30NUgrB9rRWdeMR19YDxs-lH0IGk_rBjP0HONABT';
// ok: secrets.paypal-braintree-credential
const tpl = 'access_token$production$<merchant_id>$<token>';
// ok: secrets.paypal-braintree-credential
const PAYPAL_CLIENT_SECRET_ENV = process.env.PAYPAL_CLIENT_SECRET;

// ruleid: secrets.square-token
const squareToken = 'sq0atp-rig-Y7lEz1QaO8ltNarNIk';
// ruleid: secrets.square-token
const squareAppSecret = 'sq0csp-v2sEIvHVEMPuWN91qIFJc_RJcg6uKSC8v1wD6p-0I2v';
// ruleid: secrets.square-token
const squareProd = "EAAAHwylPemLjlOakgbSD1cvMWh854lcpiUeDtp_EHmAceKUyNvoErrZbQdXjtTW";
// ok: secrets.square-token
const squareDocs = 'sq0atp-XXXXXXXXXXXXXXXXXXXXXX';
// ok: secrets.square-token
const squareEnv = process.env.SQUARE_ACCESS_TOKEN;

// ruleid: secrets.adyen-api-key
const adyenKey = "AQEk7Ne3Gho5+TOKLxuocvbOVAhWsFxLgeaYvdilVzkS5tu1bK/9s=-6SfNfzjhcrwnGJo4wEkxt0fMcHJLr5d021Ht4GqLVHLe=-XWrSDbnJu1O6mjak";
// ok: secrets.adyen-api-key
const adyenDocs = "AQE...your-api-key...";
// ok: secrets.adyen-api-key
const adyenPrefix = "AQE";
