import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { DepartmentCode } from '../../core';
import { Consultation } from './consultation.entity';
import { AddConsultationInput } from './consultation.inputs';
import { ConsultationService } from './consultation.service';
import type { ConsultationView } from '../child-rows';

@Resolver(() => Consultation)
export class ConsultationResolver {
  @Mutation(() => Consultation, { description: 'Record a consultation (相談対応) with the family.' })
  addConsultation(@Arg('input', () => AddConsultationInput) input: AddConsultationInput, @Ctx() ctx: Context): Promise<Consultation> {
    return new ConsultationService(ctx.em, ctx.gate, ctx.audit).add(input);
  }

  @FieldResolver(() => DepartmentCode, { description: 'The department that held the consultation.' })
  department(@Root() c: Pick<Consultation, 'department'> | ConsultationView): DepartmentCode {
    return c.department.code;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The staff member who held it.' })
  staffName(@Root() c: Pick<Consultation, 'staffMember'> | ConsultationView): string | null {
    return c.staffMember?.name ?? null;
  }
}
