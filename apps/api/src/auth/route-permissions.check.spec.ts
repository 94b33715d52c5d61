import { Controller, Get, Module, Post } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Public } from '../http/public.decorator';
import { AnyRole, Roles } from '../http/roles.decorator';
import { RoutePermissionsCheck } from './route-permissions.check';

@Roles('ADMIN')
@Controller('declared-on-class')
class DeclaredOnClass {
  @Get()
  list() {
    return [];
  }
}

@Controller('mixed')
class Mixed {
  @Public()
  @Get('open')
  open() {
    return 'ok';
  }

  @AnyRole()
  @Get('any')
  any() {
    return 'ok';
  }

  @Post('forgotten')
  forgotten() {
    return 'oops';
  }

  helper() {
    return 'not a route';
  }
}

async function boot(controllers: Array<new () => unknown>) {
  @Module({ imports: [DiscoveryModule], controllers, providers: [RoutePermissionsCheck] })
  class CheckedModule {}
  const module = await Test.createTestingModule({ imports: [CheckedModule] }).compile();
  return module.init();
}

describe('every route must say who may call it', () => {
  it('given routes declared on the method or the controller, then the application starts', async () => {
    await expect(boot([DeclaredOnClass])).resolves.toBeDefined();
  });

  it('given a route with neither @Public() nor @Roles(), then start-up fails naming it, and only it', async () => {
    await expect(boot([DeclaredOnClass, Mixed])).rejects.toThrow('Routes without @Public() or @Roles(...): Mixed.forgotten');
  });
});
