"""coverage and reminder indexes: HR's counts and the reminders' look-ups read only their window

Revision ID: ccc3587bbbc4
Revises: a4c2e8f1d3b7
Create Date: 2026-12-07 23:30:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'ccc3587bbbc4'
down_revision = 'a4c2e8f1d3b7'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.create_index(
            'ix_conversations_agreed', ['tenant_id', 'kind', 'status', 'updated_at', 'employee_id'], unique=False
        )
        batch_op.create_index(
            'ix_conversations_scheduled', ['tenant_id', 'kind', 'status', 'scheduled_at', 'employee_id'], unique=False
        )
        batch_op.create_index(batch_op.f('ix_conversations_created_at'), ['created_at'], unique=False)
    with op.batch_alter_table('follow_ups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_ups_due_on'), ['due_on'], unique=False)


def downgrade():
    with op.batch_alter_table('follow_ups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_ups_due_on'))
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conversations_created_at'))
        batch_op.drop_index('ix_conversations_scheduled')
        batch_op.drop_index('ix_conversations_agreed')
