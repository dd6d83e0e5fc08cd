import twilio from 'twilio';

// ruleid: secrets.twilio-key
const client = twilio('AC4d3f0b7e9a2c1d5f8e6b4a3c2d1e0f9a', 'f3a9c2e7b1d4f8a6c0e5b9d2f7a1c4e8');
// ok: secrets.twilio-key
const fromEnv = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
