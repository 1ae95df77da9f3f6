"""erasure (people.erased_at) and handover requests

Revision ID: e7a3c91d2f04
Revises: 5e1a7c0d9b42
Create Date: 2026-12-07 14:20:00.000000

"""
from alembic import op
import sqlalchemy as sa

import plugin.storage.types


# revision identifiers, used by Alembic.
revision = 'e7a3c91d2f04'
down_revision = "5e1a7c0d9b42"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('handover_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('from_manager_id', sa.Integer(), nullable=True),
    sa.Column('to_manager_id', sa.Integer(), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', plugin.storage.types.UTCDateTime(), nullable=False),
    sa.Column('decided_at', plugin.storage.types.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['employee_id'], ['people.id'], name=op.f('fk_handover_requests_employee_id_people')),
    sa.ForeignKeyConstraint(['from_manager_id'], ['people.id'], name=op.f('fk_handover_requests_from_manager_id_people')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['people.id'], name=op.f('fk_handover_requests_requested_by_id_people')),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_handover_requests_tenant_id_tenants')),
    sa.ForeignKeyConstraint(['to_manager_id'], ['people.id'], name=op.f('fk_handover_requests_to_manager_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handover_requests'))
    )
    with op.batch_alter_table('handover_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_handover_requests_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_handover_requests_tenant_id'), ['tenant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_handover_requests_to_manager_id'), ['to_manager_id'], unique=False)

    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('erased_at', plugin.storage.types.UTCDateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_column('erased_at')

    with op.batch_alter_table('handover_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_handover_requests_to_manager_id'))
        batch_op.drop_index(batch_op.f('ix_handover_requests_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_handover_requests_employee_id'))

    op.drop_table('handover_requests')
