import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '@kinerja/domain';
import type { Role } from '@kinerja/domain';

export class LoginDto {
  @ApiProperty({ example: 'kasubbag.pdi' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'kinerja-demo-2024', format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(128)
  currentPassword: string;

  @ApiProperty({ format: 'password', minLength: 8, maxLength: 128 })
  @IsString()
  @MaxLength(128)
  newPassword: string;
}

export class SessionUserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'kasubbag.pdi' })
  username: string;

  @ApiProperty({ example: 'Kepala Subbagian PDI' })
  fullName: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ example: 'kpu-kab-jember' })
  satker: string;

  @ApiProperty({ example: 'PDI', nullable: true, type: String })
  subbagian: string | null;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'JWT (HS256); send it as `Authorization: Bearer <accessToken>`' })
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires', example: 3600 })
  expiresIn: number;

  @ApiProperty({ type: SessionUserDto })
  user: SessionUserDto;

  @ApiProperty({
    description:
      'True when an administrator set the password (a new account, a reset) and its owner has not changed it since: until ' +
      'they do (POST /api/v1/auth/password, then sign in again), every other route but GET /api/v1/auth/me answers ' +
      '403 AUTH.PASSWORD_CHANGE_REQUIRED.',
    example: false,
  })
  passwordChangeRequired: boolean;
}
