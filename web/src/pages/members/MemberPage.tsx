import { orgPath } from '../../api';
import { useApi } from '../../hooks';
import { useOrg } from '../../session';
import type { MemberWithRoles } from '../../types';
import { FormError } from '../../components/FormError';
import { PageSkeleton } from '../../components/Skeleton';
import { NotFoundPage } from '../NotFoundPage';
import { MemberDetails } from './MemberDetails';
import { InvitePage } from './InvitePage';

/** One member's page, or a pending invite's: an unknown id is the console's "Not found" page. */
export function MemberPage({ memberId }: { memberId: string }) {
  const { org } = useOrg();
  const member = useApi<MemberWithRoles>(orgPath(org.slug, `members/${memberId}/`));
  if (member.error?.status === 404) return <NotFoundPage message="There is no such member or invitation in this organization." />;
  if (member.error) return <FormError error={member.error} />;
  if (!member.data) return <PageSkeleton label="member" />;
  return member.data.pending ? <InvitePage invite={member.data} reload={member.reload} /> : <MemberDetails member={member.data} reload={member.reload} />;
}
