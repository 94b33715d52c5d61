import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ROLES } from '@kinerja/domain';

/** PersonRef (libs/identity/src/users/person-ref.ts) field for field, for the OpenAPI document. */
@ApiSchema({
  description: 'A person an answer names beside their user id: the account as it is today. username, fullName, role and satker are null when the id is no account.',
})
export class PersonRefDto {
  @ApiProperty({ format: 'uuid', example: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: 'sekretaris' }) username: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Sekretaris KPU Kabupaten Jember' }) fullName: string | null;
  @ApiProperty({ type: String, enum: [...ROLES, null], nullable: true, example: 'SEKRETARIS' }) role: (typeof ROLES)[number] | null;
  @ApiProperty({ type: String, nullable: true, example: 'kpu-kab-jember' }) satker: string | null;
}
