import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule);
  // ruleid: javascript.express.cors-any-origin-with-credentials
  app.enableCors({ origin: true, credentials: true });
  // ok: javascript.express.cors-any-origin-with-credentials
  app.enableCors({ origin: ['https://app.example.com'], credentials: true });
  await app.listen(3000);
}

void bootstrap();
